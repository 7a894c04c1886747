"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { callApi, describeError } from "@/lib/client/api";

interface ResetAnswer {
  sessionsEnded: number;
  tokensRevoked: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * An admin sets a new password (PATCH /api/users/:id). It signs the user out everywhere and, unless
 * unticked, revokes their API tokens: after a stolen session, a token minted with it must stop too.
 */
export function AdminResetPassword({ userId, email }: { userId: string; email: string }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [revokeTokens, setRevokeTokens] = useState(true);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setMessage(undefined);
    try {
      const answer = await callApi<ResetAnswer>("PATCH", `/api/users/${userId}`, { password, revokeTokens });
      setPassword("");
      setMessage({
        text: `New password set for ${email}: ${plural(answer.sessionsEnded, "session")} ended, ${plural(answer.tokensRevoked, "API token")} revoked`,
        error: false,
      });
      router.refresh();
    } catch (error) {
      setMessage({ text: describeError(error), error: true });
    } finally {
      setPending(false);
    }
  }

  const passwordId = `password-${userId}`;
  const revokeId = `revoke-tokens-${userId}`;
  const hintId = `password-hint-${userId}`;
  return (
    <form onSubmit={submit} className="space-y-1 pl-4 text-sm" aria-label={`New password for ${email}`}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={passwordId}>New password for {email}</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={hintId}
          className="rounded border border-gray-300 px-2 py-1"
        />
        <label htmlFor={revokeId} className="flex items-center gap-1">
          <input
            id={revokeId}
            type="checkbox"
            checked={revokeTokens}
            onChange={(e) => setRevokeTokens(e.target.checked)}
          />
          Also revoke their API tokens
        </label>
        <button
          type="submit"
          disabled={pending || password.length === 0}
          className="rounded border border-gray-300 px-2 py-1 hover:bg-gray-50 disabled:opacity-50"
        >
          Set password
        </button>
      </div>
      <p id={hintId} className="text-muted">
        Setting a password signs {email} out everywhere
        {revokeTokens ? " and revokes every API token they have" : "; their API tokens keep working"}.
      </p>
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "text-red-800" : "text-green-800"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
