// CQL for the emulator's search endpoints: parse (ohm-js grammar), then compile to a predicate
// and an ORDER BY comparison over CqlDocuments.
export { type CompiledCql, type CqlContext, type CqlDocument, compileCql } from "./evaluate.js";
export { type CqlExpr, type CqlQuery, CqlSyntaxError, type CqlValue, parseCql } from "./parse.js";
