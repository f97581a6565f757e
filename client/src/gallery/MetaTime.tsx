/** One item of a row's meta line: "Edited 5 min ago", with the exact ISO time in the title. */
export function MetaTime({ label, iso, text, testid }: { label: string; iso: string; text: string; testid?: string }) {
  return (
    <span className="meta-item">
      {label}{" "}
      <time dateTime={iso} title={iso} data-testid={testid}>
        {text}
      </time>
    </span>
  );
}
