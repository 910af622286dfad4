"use client";
import { useState } from "react";
import { InviteForm } from "./InviteForm";
import { PendingInvitations } from "./PendingInvitations";
import { MemberList } from "./MemberList";
import type { MembersPageProps } from "./shared";

/** The members page: invite (admin+), pending invitations (admin+), and everyone with what you may do. */
export function MembersClient(props: MembersPageProps) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Members</h1>
        <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          Everyone in {props.orgName}, with their role. Roles decide what each person can see and do.
        </p>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-green-800 empty:hidden dark:text-green-300">
        {notice}
      </p>
      {props.canInvite ? (
        <>
          <InviteForm {...props} onNotice={setNotice} />
          <PendingInvitations {...props} onNotice={setNotice} />
        </>
      ) : null}
      <MemberList {...props} onNotice={setNotice} />
    </div>
  );
}
