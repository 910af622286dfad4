import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "../../../messages/en.json";
import zh from "../../../messages/zh-CN.json";
import {
  KNOWN_MESSAGES,
  localizeKnownMessage,
  matchKnownMessage,
  MESSAGE_LABELS,
  WEAK_PASSWORD_REASONS,
} from "@/lib/i18n/known-messages";
import { emailSchema, passwordSchema, signUpSchema } from "@/lib/validation/auth";
import { orgProfileSchema } from "@/lib/validation/org-profile";
import { fieldErrors } from "@/lib/validation/form";
import { weakPasswordReason } from "@/server/auth/password-strength";

type T = ((k: string, p?: Record<string, string>) => string) & { has: (k: string) => boolean };
const tEn = createTranslator({ locale: "en", messages: en, namespace: "known" }) as unknown as T;
const tZh = createTranslator({ locale: "zh-CN", messages: zh, namespace: "known" }) as unknown as T;

/** Real messages of the schemas and services, each of which must be recognised. */
const samples = [
  ...Object.values(
    fieldErrors(signUpSchema, { name: "", email: "nope", password: "short", organizationName: "" }),
  ),
  ...Object.values(fieldErrors(orgProfileSchema, { annualRevenue: -1, employeeCount: 2.5, currency: "us" })),
  ...Object.values(fieldErrors(orgProfileSchema, { typicalDealSize: 1e12 })),
  emailSchema.safeParse("").error!.issues[0]!.message,
  passwordSchema.safeParse("x".repeat(200)).error!.issues[0]!.message,
  weakPasswordReason("password123")!,
  "Your role (viewer) cannot manage webhooks. Ask an admin or the owner of Acme Inc.",
  "This invitation is for a@x.co, but you are signed in as b@x.co. Sign out and sign in as a@x.co.",
];

describe("known messages", () => {
  it("recognise the schemas' and services' English messages", () => {
    expect(samples.length).toBeGreaterThan(8);
    for (const message of samples) expect(matchKnownMessage(message), message).not.toBeNull();
  });

  it("give back the English message from the English template", () => {
    for (const message of samples) expect(localizeKnownMessage(message, tEn)).toBe(message);
  });

  it("have a template in both catalogues for every entry, label and reason", () => {
    const keys = [
      ...KNOWN_MESSAGES.map(([k]) => k),
      ...Object.values(MESSAGE_LABELS).map((k) => `labels.${k}`),
      ...Object.values(WEAK_PASSWORD_REASONS).map((k) => `weakPasswordWhy.${k}`),
    ];
    for (const key of keys) {
      expect(tEn.has(key), key).toBe(true);
      expect(tZh.has(key), key).toBe(true);
    }
    // The English reasons and labels are the very texts the services write.
    for (const [text, key] of Object.entries(WEAK_PASSWORD_REASONS))
      expect(tEn(`weakPasswordWhy.${key}`)).toBe(text);
    for (const [text, key] of Object.entries(MESSAGE_LABELS)) expect(tEn(`labels.${key}`)).toBe(text);
  });

  it("read in Chinese, with labels, reasons and roles translated", () => {
    expect(localizeKnownMessage("Enter your email address", tZh)).toBe("请输入邮箱地址");
    expect(localizeKnownMessage("Annual revenue must be a number", tZh)).toBe("年营收必须是数字");
    expect(localizeKnownMessage(weakPasswordReason("password123")!, tZh)).toMatch(
      /^请选择更难猜的密码：它在常见/,
    );
    expect(
      localizeKnownMessage(
        "Your role (viewer) cannot export data. Ask an analyst or admin.",
        tZh,
        () => "查看者",
      ),
    ).toBe("您的角色（查看者）无法导出数据，请联系分析师或管理员。");
  });

  it("leave any other message as written", () => {
    expect(localizeKnownMessage("Something nobody catalogued.", tZh)).toBe("Something nobody catalogued.");
  });
});
