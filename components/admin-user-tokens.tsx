"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { describeError } from "@/lib/client/api";
import { createToken, revokeToken } from "@/lib/client/users";

export interface AdminTokenRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const day = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : "never");

/** A user's API tokens: create one (its secret shown here once, to copy) or revoke one. */
export function AdminUserTokens({ userId, email, tokens }: { userId: string; email: string; tokens: AdminTokenRow[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [fresh, setFresh] = useState<{ name: string; token: string }>();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string>();

  async function run(action: () => Promise<void>) {
    setError(undefined);
    try {
      await action();
      router.refresh();
    } catch (e) {
      setError(describeError(e));
    }
  }

  const create = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const created = await createToken(userId, { name });
      setFresh(created);
      setCopied(false);
      setName("");
    });
  };
  const revoke = (id: string) =>
    run(async () => {
      await revokeToken(id);
    });

  const nameId = `token-name-${userId}`;
  const freshId = `token-new-${userId}`;
  return (
    <div className="space-y-2 pl-4 text-sm">
      {tokens.length > 0 && (
        <table className="text-left">
          <caption className="sr-only">API tokens of {email}</caption>
          <thead className="text-muted">
            <tr>
              <th className="pr-4 font-normal">Token</th>
              <th className="pr-4 font-normal">Created</th>
              <th className="pr-4 font-normal">Last used</th>
              <th className="font-normal">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="pr-4">{t.name}</td>
                <td className="pr-4">{day(t.createdAt)}</td>
                <td className="pr-4">{day(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${day(t.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      onClick={() => revoke(t.id)}
                      aria-label={`Revoke token ${t.name} of ${email}`}
                      className="rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-50"
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={create} className="flex flex-wrap items-center gap-2">
        <label htmlFor={nameId}>New token name for {email}</label>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={100}
          className="rounded border border-gray-300 px-2 py-1"
        />
        <button
          type="submit"
          disabled={!name.trim()}
          className="rounded border border-gray-300 px-2 py-1 hover:bg-gray-50 disabled:opacity-50"
        >
          Create token
        </button>
      </form>
      {fresh && (
        <div className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2">
          <label htmlFor={freshId}>New token “{fresh.name}” (copy it now: it will not be shown again)</label>
          <input
            id={freshId}
            readOnly
            value={fresh.token}
            onFocus={(e) => e.currentTarget.select()}
            className="w-96 max-w-full rounded border border-gray-300 px-2 py-1 font-mono text-xs"
          />
          <button
            type="button"
            onClick={() => navigator.clipboard?.writeText(fresh.token).then(() => setCopied(true))}
            className="rounded border border-gray-300 px-2 py-1 hover:bg-gray-50"
          >
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
