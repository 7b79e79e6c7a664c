/** What a part of the dashboard says it did (read out politely) and what failed (at once). */
export function StatusLine({ status, error }: { status: string; error: string }) {
  return (
    <>
      <p class="status-message" role="status">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
