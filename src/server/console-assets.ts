// The console's browser code: console/app.ts bundled by esbuild on first request (kept in memory), plus static files.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const CONSOLE_DIR = resolve(import.meta.dirname, '../../console');

export interface ConsoleAssets {
  html(): Promise<string>;
  script(): Promise<string>;
  styles(): Promise<string>;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(CONSOLE_DIR, 'app.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    minify: false,
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Built once per server; a failed build is retried on the next request. */
export function consoleAssets(): ConsoleAssets {
  let script: Promise<string> | undefined;
  return {
    html: () => readFile(join(CONSOLE_DIR, 'index.html'), 'utf8'),
    styles: () => readFile(join(CONSOLE_DIR, 'styles.css'), 'utf8'),
    script: () => {
      script ??= bundle();
      script.catch(() => (script = undefined));
      return script;
    },
  };
}
