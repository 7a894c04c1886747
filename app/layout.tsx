import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { findPageUser } from "@/lib/auth/page-user";
import { ROLES_THAT_ADMINISTER } from "@/lib/auth/permissions";
import { signOutAction } from "./sign-in/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sourcedesk", template: "%s · Sourcedesk" },
  description: "Who said what, and how we know.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await findPageUser();
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <header className="border-b border-gray-200">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/articles" className="font-semibold tracking-tight">
              Sourcedesk
            </Link>
            {user && (
              <Link href="/articles" className="text-sm text-muted hover:text-ink">
                Articles
              </Link>
            )}
            {user && (
              <Link href="/claims" className="text-sm text-muted hover:text-ink">
                Claims
              </Link>
            )}
            {user && (
              <Link href="/reports" className="text-sm text-muted hover:text-ink">
                Reports
              </Link>
            )}
            {user && (
              <Link href="/trends" className="text-sm text-muted hover:text-ink">
                Trends
              </Link>
            )}
            {user && ROLES_THAT_ADMINISTER.includes(user.role) && (
              <Link href="/admin/users" className="text-sm text-muted hover:text-ink">
                Admin
              </Link>
            )}
            {user && (
              <form action={signOutAction} className="ml-auto flex items-center gap-3 text-sm">
                <span className="text-muted">
                  {user.name} · {user.role}
                </span>
                <button type="submit" className="rounded border border-gray-300 px-2 py-1 hover:bg-gray-50">
                  Sign out
                </button>
              </form>
            )}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
