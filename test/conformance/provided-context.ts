// Values the conformance global setup hands to test workers through vitest's provide/inject.
export const COVERAGE_DIR_KEY = "conformanceCoverageDir";

declare module "vitest" {
  export interface ProvidedContext {
    /** Directory where each test process appends its conformance coverage records. */
    conformanceCoverageDir: string;
  }
}
