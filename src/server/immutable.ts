import "server-only";
import { processState } from "./state";

/**
 * Values frozen all the way down by `deepFreeze`: nothing can change them, so what is derived from them may be kept.
 * In the process state, so a report frozen by one copy of the services is known as immutable to the other.
 */
const immutable = () => processState().immutable;

/**
 * Freezes `value` and everything under it (a change would throw rather than leak into other requests sharing it),
 * and records it as immutable. Dates are left alone (they cannot be frozen): keep none that anyone changes.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !(value instanceof Date) && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
    immutable().add(value);
  }
  return value;
}

export function isImmutable(value: unknown): value is object {
  return typeof value === "object" && value !== null && immutable().has(value);
}

/**
 * `serialize(value)`, computed once per immutable value and remembered for as long as the value lives; other values
 * are serialized on every call.
 */
export function serializeOnce<R>(serialize: (value: unknown) => R): (value: unknown) => R {
  const results = new WeakMap<object, R>();
  return (value) => {
    if (!isImmutable(value)) return serialize(value);
    let result = results.get(value);
    if (result === undefined) {
      result = serialize(value);
      results.set(value, result);
    }
    return result;
  };
}
