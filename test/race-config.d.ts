// Served by web-test-runner.config.mjs from the environment: `DOZOR_RACE_RUNS=500 npm test` runs every
// race property 500 times (0 = each property's CI-sized default).
declare module 'dozor:race-config' {
  export const RACE_RUNS: number;
}
