/** The annotations and labels through which users steer simulated nodes and pods. */
export const SIMULATED = 'kube-sim.omni.cast.ai/simulated';
export const PAUSED = 'kube-sim.omni.cast.ai/paused';
export const RUN_SECONDS = 'kube-sim.omni.cast.ai/run-seconds';
export const EXIT_CODE = 'kube-sim.omni.cast.ai/exit-code';
