import { Logo } from "./Logo";

export function AuthShell({
  title,
  children,
  aside,
}: {
  title: string;
  children: React.ReactNode;
  /** Shown beside the logo (the language switcher). */
  aside?: React.ReactNode;
}) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-6 py-12">
      <div className="flex items-center justify-between gap-4">
        <Logo />
        {aside}
      </div>
      <div className="card">
        <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
