export default function Home() {
  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-semibold">SidecarSets</h1>
    </main>
  );
}
