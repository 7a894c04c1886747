import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted">This page or record does not exist, or it was deleted.</p>
      <Link href="/articles" className="underline">
        Back to the articles
      </Link>
    </div>
  );
}
