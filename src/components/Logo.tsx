import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight">
      <span
        aria-hidden
        className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-blue-600 text-sm text-white"
      >
        SM
      </span>
      SalesMix
    </Link>
  );
}
