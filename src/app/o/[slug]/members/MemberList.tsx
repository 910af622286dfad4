"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { ROLE_LABELS, type Role } from "@/lib/permissions";
import { useTRPC } from "@/trpc/react";
import { errorMessage, formatDate, RoleBadge, type MembersPageProps } from "./shared";

type Pending = { kind: "remove" | "transfer" | "leave"; userId: string } | null;

/** Everyone in the organization; the actions offered are the ones the server reports as allowed. */
export function MemberList({
  slug,
  orgName,
  onNotice,
}: MembersPageProps & { onNotice: (m: string | null) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.members.list.queryOptions({ orgSlug: slug }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ orgSlug: slug }) });
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSettled: refresh }));
  const transfer = useMutation(trpc.members.transferOwnership.mutationOptions());
  const leave = useMutation(trpc.members.leave.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [confirmation, setConfirmation] = useState("");

  async function run(action: () => Promise<unknown>, notice: string) {
    setError(null);
    onNotice(null);
    try {
      await action();
      onNotice(notice);
      setPending(null);
      setConfirmation("");
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  }

  const members = list.data?.members ?? [];
  return (
    <section className="card space-y-3" aria-labelledby="members-title">
      <h2 id="members-title" className="text-lg font-semibold">
        {members.length} {members.length === 1 ? "member" : "members"}
      </h2>
      <FormError message={error ?? (list.error ? errorMessage(list.error) : null)} />
      <ul className="divide-y divide-gray-200 dark:divide-gray-800" data-testid="member-list">
        {members.map((m) => (
          <li key={m.userId} className="py-3">
            <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{m.name}</span>
                  {m.isYou ? <span className="text-xs text-gray-600 dark:text-gray-400">(you)</span> : null}
                  {m.allowed.roles.length ? null : <RoleBadge role={m.role} />}
                </p>
                <p className="truncate text-sm text-gray-700 dark:text-gray-300">{m.email}</p>
                <p className="text-xs text-gray-600 dark:text-gray-400">Joined {formatDate(m.joinedAt)}</p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {m.allowed.roles.length ? (
                  <>
                    <label htmlFor={`role-${m.userId}`} className="sr-only">
                      Role of {m.name}
                    </label>
                    <select
                      id={`role-${m.userId}`}
                      className="field-input mt-0 w-auto"
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => {
                        const role = e.target.value as Role;
                        void run(
                          () => changeRole.mutateAsync({ orgSlug: slug, userId: m.userId, role }),
                          `${m.name} is now ${ROLE_LABELS[role]}.`,
                        ).then((done) => {
                          // Your own role shapes the whole page (navigation, what you may do): reload it.
                          if (done && m.isYou) router.refresh();
                        });
                      }}
                    >
                      {[m.role, ...m.allowed.roles].map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  </>
                ) : null}
                {m.allowed.transfer ? (
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={`Transfer ownership to ${m.name}`}
                    onClick={() => setPending({ kind: "transfer", userId: m.userId })}
                  >
                    Make owner
                  </button>
                ) : null}
                {m.allowed.remove ? (
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={`Remove ${m.name}`}
                    onClick={() => setPending({ kind: "remove", userId: m.userId })}
                  >
                    Remove
                  </button>
                ) : null}
                {m.isYou && m.allowed.leave ? (
                  <button
                    type="button"
                    className="btn-secondary"
                    onClick={() => setPending({ kind: "leave", userId: m.userId })}
                  >
                    Leave organization
                  </button>
                ) : null}
              </div>
            </div>

            {pending?.userId === m.userId && pending.kind === "remove" ? (
              <Confirm
                label={`Remove ${m.name} from ${orgName}? They lose access at once.`}
                action="Remove"
                busy={remove.isPending}
                onCancel={() => setPending(null)}
                onConfirm={() =>
                  run(() => remove.mutateAsync({ orgSlug: slug, userId: m.userId }), `${m.name} was removed.`)
                }
              />
            ) : null}
            {pending?.userId === m.userId && pending.kind === "leave" ? (
              <Confirm
                label={`Leave ${orgName}? You will need a new invitation to come back.`}
                action="Leave"
                busy={leave.isPending}
                onCancel={() => setPending(null)}
                onConfirm={async () => {
                  if (await run(() => leave.mutateAsync({ orgSlug: slug }), `You left ${orgName}.`)) {
                    router.push("/");
                    router.refresh();
                  }
                }}
              />
            ) : null}
            {pending?.userId === m.userId && pending.kind === "transfer" ? (
              <form
                className="mt-3 space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (
                    await run(
                      () => transfer.mutateAsync({ orgSlug: slug, userId: m.userId, confirmation }),
                      `${m.name} now owns ${orgName}. You are an admin.`,
                    )
                  ) {
                    await refresh();
                    router.refresh();
                  }
                }}
              >
                <p className="text-sm">
                  {m.name} becomes the owner of {orgName} and you become an admin. Only they can undo this.
                </p>
                <div>
                  <label htmlFor={`confirm-${m.userId}`} className="field-label">
                    Type <strong>{orgName}</strong> to confirm
                  </label>
                  <input
                    id={`confirm-${m.userId}`}
                    className="field-input"
                    autoComplete="off"
                    value={confirmation}
                    onChange={(e) => setConfirmation(e.target.value)}
                  />
                </div>
                <div className="flex flex-wrap gap-2">
                  <button
                    type="submit"
                    className="btn-danger"
                    disabled={transfer.isPending || confirmation.trim() !== orgName}
                  >
                    Transfer ownership
                  </button>
                  <button type="button" className="btn-secondary" onClick={() => setPending(null)}>
                    Cancel
                  </button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Confirm(props: {
  label: string;
  action: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="group"
      aria-label={props.label}
      className="mt-3 flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm sm:flex-row sm:items-center sm:justify-between dark:border-red-800 dark:bg-red-950"
    >
      <p>{props.label}</p>
      <div className="flex gap-2">
        <button type="button" className="btn-danger" disabled={props.busy} onClick={props.onConfirm}>
          {props.action}
        </button>
        <button type="button" className="btn-secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
