import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { formErrors, GENERIC_ERROR } from "@/trpc/errors";

const serverError = (message: string, data: Record<string, unknown>) =>
  TRPCClientError.from({ error: { message, code: -32600, data: { code: "BAD_REQUEST", ...data } } });

describe("formErrors", () => {
  it("puts a service error that names a field of the form next to that field", () => {
    const err = serverError("An account with this email already exists.", { field: "email" });
    expect(formErrors(err, ["name", "email"])).toEqual({
      fields: { email: "An account with this email already exists." },
      form: null,
    });
  });

  it("puts zod's field errors next to the form's fields, first message each", () => {
    const err = serverError("Invalid input", {
      fieldErrors: { password: ["Use at least 8 characters", "second"], name: ["Enter your name"] },
    });
    expect(formErrors(err, ["name", "password"])).toEqual({
      fields: { password: "Use at least 8 characters", name: "Enter your name" },
      form: null,
    });
  });

  it("shows an error about a field the form does not have above the form", () => {
    const err = serverError("This invitation has expired.", { fieldErrors: { token: ["expired"] } });
    expect(formErrors(err, ["name", "password"])).toEqual({
      fields: {},
      form: "This invitation has expired.",
    });
  });

  it("gives a generic message, or the caller's, for anything that is not a server error", () => {
    expect(formErrors(new TypeError("fetch failed"), ["name"])).toEqual({ fields: {}, form: GENERIC_ERROR });
    expect(formErrors(null, ["name"], "Could not save.")).toEqual({ fields: {}, form: "Could not save." });
  });
});
