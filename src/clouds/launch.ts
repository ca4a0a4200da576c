// Ranked launch with fallback: try each offering in order, move on only after a capacity error.
import { AllOfferingsUnavailableError, CapacityError, InvalidRequestError } from './errors.ts';
import type { OfferingKey } from './errors.ts';
import type { CloudInstance, LaunchResult } from './types.ts';

export type LaunchOne = (offering: OfferingKey) => Promise<CloudInstance>;

export async function launchWithFallback(
  offerings: OfferingKey[],
  launchOne: LaunchOne,
): Promise<LaunchResult> {
  if (offerings.length === 0) throw new InvalidRequestError('launch needs at least one offering');
  const capacityErrors: CapacityError[] = [];
  for (const offering of offerings) {
    try {
      const instance = await launchOne(offering);
      return { instance, offering, capacityErrors };
    } catch (err) {
      if (!(err instanceof CapacityError)) throw err;
      capacityErrors.push(err.offering ? err : new CapacityError(err.message, err.code, offering));
    }
  }
  throw new AllOfferingsUnavailableError(capacityErrors);
}
