import { oncePerObject } from "../../src/core/memo";
import { sortByKey } from "../../src/core/sortByKey";

test("oncePerObject works an answer out once per object, and apart for each object", () => {
  const made: object[] = [];
  const size = oncePerObject((o: { items: number[] }) => {
    made.push(o);
    return o.items.length;
  });
  const a = { items: [1, 2] };
  const b = { items: [1] };
  expect([size(a), size(a), size(b), size(a)]).toEqual([2, 2, 1, 2]);
  expect(made).toEqual([a, b]);
});

test("sortByKey works each key out once and keeps equal keys in their order", () => {
  let keys = 0;
  const codes = ["1-10", "1-2", "2-1", "1-2", "1-1"].map((code, at) => ({ code, at }));
  const sorted = sortByKey(
    codes,
    (c) => {
      keys += 1;
      return c.code.split("-").map(Number);
    },
    (a, b) => a[0] - b[0] || a[1] - b[1]
  );
  expect(sorted.map((c) => `${c.code}@${c.at}`)).toEqual(["1-1@4", "1-2@1", "1-2@3", "1-10@0", "2-1@2"]);
  expect(keys).toBe(codes.length);
});
