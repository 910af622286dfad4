"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";

/** Signs out and comes back to the invitation, which then offers sign-in or sign-up for the invited email. */
export function SwitchAccount({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn-primary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ redirectTo: callbackUrl });
      }}
    >
      Sign out and switch account
    </button>
  );
}
