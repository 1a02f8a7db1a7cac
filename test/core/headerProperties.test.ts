/**
 * Every header word of the profile, however a ward writes it (lookalike code points, full or half width, spaces and
 * line breaks inside, a group header of any wording above), lands in its field; under 中間振り返り it never does.
 */
import fc from "fast-check";
import { columnLetter } from "../../src/core/grid";
import { defaultProfile as P, type FieldSpec } from "../../src/core/profile";
import { recognizeSheet } from "../../src/core/recognize";
import { grid } from "../helpers/grid";
import { LOOKALIKES } from "../helpers/variants";

type Role = "initiative" | "outcome";

const fieldsOf = (role: Role) => P.roles[role].fields as Record<string, FieldSpec>;

/** Every (role, field, alias) the profile holds. */
const headerWords: [Role, string, string][] = (["initiative", "outcome"] as const).flatMap((role) =>
  Object.entries(fieldsOf(role)).flatMap(([field, spec]) => spec.aliases.map((alias): [Role, string, string] => [role, field, alias]))
);

/** How wards write a header: each character possibly a lookalike or its other width, spaces and line breaks between. */
const written = (alias: string) =>
  fc
    .tuple(
      fc.array(fc.constantFrom("plain", "lookalike", "width"), { minLength: alias.length, maxLength: alias.length }),
      fc.array(fc.constantFrom("", "", "", " ", "\u3000", "\n", "\r\n"), { minLength: alias.length, maxLength: alias.length })
    )
    .map(([forms, gaps]) =>
      [...alias]
        .map((ch, i) => {
          let out = ch;
          if (forms[i] === "lookalike" && LOOKALIKES[ch]) out = LOOKALIKES[ch];
          else if (forms[i] === "width" && /[!-~]/.test(ch)) out = String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
          else if (forms[i] === "width" && /[！-～]/.test(ch)) out = String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
          return (i > 0 ? gaps[i] : "") + out;
        })
        .join("")
    );

/** Group headers seen above field headers, and unrelated words a ward may put there. */
const groupHeader = fc.constantFrom("計画", "自己評価", "項目", "令和４年度", "評価", "取組状況", "");

/**
 * A sheet whose header names every field of the role by its first alias, except `field`, which is written as given;
 * a group row above; a data row with a code below. A 中間振り返り group of two columns, the first repeating the
 * field's header, stands first (columns A and B); the field itself is column C.
 */
function sheetWith(role: Role, field: string, header: string, group: string) {
  const others = Object.entries(fieldsOf(role))
    .filter(([f]) => f !== field)
    .map(([, spec]) => spec.aliases[0]);
  const groupRow = ["中間振り返り", "", group, ...others.map(() => "")];
  const fieldRow = [header, "取組の進捗状況", header, ...others];
  const data = fieldRow.map((_, i) => (i === 3 ? "【1-1-1】取組" : i === 2 ? "①(i)" : "x"));
  const merges = ["A1:B1", ...(group ? [`C1:${columnLetter(fieldRow.length - 1)}1`] : [])];
  return grid("評価", [groupRow, fieldRow, data], merges);
}

describe("header words of the profile, as wards write them", () => {
  test.each(headerWords)("%s %s: %s", (role, field, alias) => {
    fc.assert(
      fc.property(written(alias), groupHeader, (header, group) => {
        const layout = recognizeSheet(sheetWith(role, field, header, group), P);
        expect(layout.role).toBe(role);
        // Column C holds the field; column A (under 中間振り返り) holds the same words and is never taken.
        expect(layout.columns[field]).toBe(2);
        expect(Object.values(layout.columns)).not.toContain(0);
        expect(Object.values(layout.columns)).not.toContain(1);
        expect(layout.ignored.map((i) => i.col)).toEqual([0, 1]);
      }),
      { numRuns: 25 }
    );
  });
});
