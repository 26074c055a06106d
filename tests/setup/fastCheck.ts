// Property tests explore with a fresh random seed on developers' machines, and replay one fixed
// seed in CI so that the gate is repeatable. A failure prints its seed and counterexample either way;
// set FC_SEED to replay one locally.
import fc from 'fast-check';

const fixed = process.env.FC_SEED ?? (process.env.CI ? '20261123' : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
