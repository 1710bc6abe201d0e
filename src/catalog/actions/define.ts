// `defineAction` infers each action's input types for its `run`, and checks at compile time that
// the inputs placed in the path are exactly the `{param}`s of a literal endpoint template (an
// endpoint built at run time, like the property actions', is checked by test/catalog/wire.test.ts).
import type { PathParamsOf } from "../../core/path.js";
import type { ActionDef, InputDefs } from "../types.js";

/** The names the inputs place in the path. */
type PathInputNames<I> = {
  [K in keyof I]: I[K] extends { readonly wire: { readonly in: "path"; readonly name: infer N } }
    ? N
    : never;
}[keyof I];

type TemplateOf<E extends string> = E extends `${string} ${infer P}` ? P : E;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * `unknown` when the path inputs match the template, else a type naming the mismatch. Exempt: a
 * template only known at run time, and an action with no path input at all (its `run` fills the
 * path; the catalog test checks that every action without a `run` fills its template).
 */
export type PathCheck<E extends string, I> =
  string extends TemplateOf<E>
    ? unknown
    : [PathInputNames<I>] extends [never]
      ? unknown
      : Same<PathInputNames<I>, keyof PathParamsOf<TemplateOf<E>>> extends true
        ? unknown
        : {
            readonly pathInputsMustMatchEndpoint: [
              keyof PathParamsOf<TemplateOf<E>>,
              PathInputNames<I>,
            ];
          };

export function defineAction<const E extends string, I extends InputDefs>(
  def: ActionDef<I> & { readonly endpoint: E } & PathCheck<E, I>,
): ActionDef<I> {
  return def;
}
