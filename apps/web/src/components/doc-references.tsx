interface DocReferencesProps {
  urls: string[];
}

/**
 * A readable name for an AWS documentation address: the guide (first path segment) and the page,
 * e.g. "AmazonRDS: Concepts MultiAZ". The address itself stays in the link.
 */
export function referenceLabel(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const parts = pathname.split('/').filter(Boolean);
    const guide = parts[0] ?? hostname;
    const last = (parts.at(-1) ?? '')
      .replace(/\.html?$/, '')
      .replace(/[-_.]+/g, ' ')
      .trim();
    return last && parts.length > 1 ? `${guide}: ${last}` : guide;
  } catch {
    return url;
  }
}

/** The AWS documentation pages that support the key; they open in a new tab so the page stays. */
export function DocReferences({ urls }: DocReferencesProps) {
  if (urls.length === 0) return null;
  return (
    <div className="doc-references">
      <h3>Read more in the AWS documentation</h3>
      <ul>
        {urls.map((url) => (
          <li key={url}>
            <a href={url} target="_blank" rel="noopener noreferrer">
              {referenceLabel(url)}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
