// `npm run coverage:emulator`: prints how many of the v2 OpenAPI document's operations the
// emulator's route table implements, and which it does not (test/conformance/emulator-coverage.ts).
import { emulatorCoverage, formatEmulatorCoverage } from "../test/conformance/emulator-coverage.js";

console.log(formatEmulatorCoverage(emulatorCoverage()));
