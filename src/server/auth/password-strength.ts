import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { ServiceError } from "../errors";

/**
 * zxcvbn's estimate (score 0–4) with its common-password and breached-password dictionaries. Score 3 means
 * more than 10^8 guesses; below it a password is refused.
 */
const MIN_SCORE = 3;

/** Built per check: passwords are checked only at sign-up and password changes. */
function estimator(): ZxcvbnFactory {
  return new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });
}

/** Why a password is refused, in words, or null when it is strong enough. */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  const result = estimator().check(password.slice(0, 200), userInputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ?? "";
  const why =
    /^(topTen|topHundred|common|commonPasswords|similarToCommon)$/.test(warning) ||
    result.sequence.some((m) => "dictionaryName" in m && String(m.dictionaryName).startsWith("passwords"))
      ? "it is on a list of common and breached passwords (or close to one), which attackers try first"
      : warning === "userInputs"
        ? "it contains your name or email address"
        : /^(straightRow|keyPattern)$/.test(warning)
          ? "it is a keyboard pattern"
          : /^(simpleRepeat|extendedRepeat|sequences)$/.test(warning)
            ? "it is a repeat or a sequence"
            : /^(recentYears|dates)$/.test(warning)
              ? "it is mostly a date or a year"
              : "it would be guessed quickly";
  return `Choose a harder password: ${why}. A few unrelated words, or a password manager's suggestion, work well.`;
}

/** Throws BAD_REQUEST on the password field when the password is too easy to guess. */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  const reason = weakPasswordReason(password, userInputs);
  if (reason) throw new ServiceError("BAD_REQUEST", reason, { field: "password" });
}
