// vitest setupFiles entry: property-based tests run with one fixed seed in `npm test`, so that CI
// on a fresh machine sees the same cases as the last green run and cannot fail by chance. Longer
// exploratory runs (`npm run fuzz`, `FC_SEED=random npm test`) draw a new seed, which fast-check
// prints with any counterexample so that a failure can be replayed with FC_SEED=<seed>.
import fc from "fast-check";

const requested = process.env.FC_SEED;
if (requested !== "random") {
  const seed = requested === undefined ? 20_261_130 : Number(requested);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
