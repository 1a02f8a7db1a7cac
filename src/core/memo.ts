/**
 * A function of one object worked out once per object: profiles, code tables and evaluations are asked the same
 * question for every row of a workbook. The answers go when the object does (a WeakMap holds them).
 */
export function oncePerObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = make(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
