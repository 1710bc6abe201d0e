// Public entry of the shared wire types.
export type * from "./confluence.js";
