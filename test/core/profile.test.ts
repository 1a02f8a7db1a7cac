import { defaultProfile, parseProfile, ProfileError, profileSchema } from "../../src/core/profile";
import { checkWorkbook } from "../../src/core/report";
import { grid } from "../helpers/grid";

describe("profile", () => {
  test("the default profile is valid", () => {
    expect(profileSchema.safeParse(defaultProfile).success).toBe(true);
  });

  test("a user profile is merged over the default", () => {
    const p = parseProfile({ name: "中央区", roles: { initiative: { fields: { achievement: { aliases: ["自己評価結果"] } } } } });
    expect(p.name).toBe("中央区");
    expect(p.roles.initiative.fields.achievement.aliases).toEqual(["自己評価結果"]);
    expect(p.roles.initiative.fields.target.aliases).toEqual(defaultProfile.roles.initiative.fields.target.aliases);
  });

  test("another city's header wording is a profile, not a fork", () => {
    const g = grid("取組", [
      ["具体的取組", "業績目標", "撤退基準", "取組実績", "自己評価結果", "有効性"],
      ["【1-1-1】\n取組", "10件", "5件以下であれば", "12件", "①(i)", "○"],
    ]);
    expect(checkWorkbook([g], defaultProfile).evaluation.initiatives).toHaveLength(0);
    const p = parseProfile({ roles: { initiative: { fields: { achievement: { aliases: ["自己評価結果"] } } } } });
    const r = checkWorkbook([g], p);
    expect(r.evaluation.initiatives.map((i) => i.achievement)).toEqual([{ kind: "valid", code: { achievement: "①", implementation: "i" } }]);
  });

  test("an invalid profile is rejected with the path of what is wrong", () => {
    let error: unknown;
    try {
      parseProfile({ colors: { "①": { fill: "green" } }, matching: { minMargin: 2 } }, "my.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    const e = error as ProfileError;
    expect(e.message).toContain("my.json");
    expect(e.issues.some((i) => i.startsWith("colors.①.fill:"))).toBe(true);
    expect(e.issues.some((i) => i.startsWith("matching.minMargin:"))).toBe(true);
  });

  test("unknown keys are rejected, so a typo does not pass silently", () => {
    expect(() => parseProfile({ colour: {} })).toThrow(ProfileError);
    expect(() => parseProfile([])).toThrow(ProfileError);
  });
});
