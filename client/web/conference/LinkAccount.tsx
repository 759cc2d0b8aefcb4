import Link from 'next/link'

/**
 * "Koppel aan mijn account": a professional who came in by an invitation link makes it their
 * account's, so the conference is on their home page next time (issue 11 part 5). Signed out it
 * is a way to sign in that comes back here; signed in, a form that posts the invitation to
 * /api/conferences/[id]/link-account (plain HTML: it works before any script has loaded).
 */
export interface LinkAccountLabels {
  title: string
  body: string
  signIn: string
  confirm: string
}

export function LinkAccount({ conferenceId, token, signedIn, labels }: { conferenceId: string; token: string; signedIn: boolean; labels: LinkAccountLabels }) {
  const here = `/join/${token}`
  return (
    <section className="join__link stack" aria-labelledby="link-account-title" data-testid="link-account">
      <h2 id="link-account-title">{labels.title}</h2>
      <p className="muted">{labels.body}</p>
      {signedIn ? (
        <form method="post" action={`/api/conferences/${conferenceId}/link-account`}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button button--quiet" data-testid="link-account-button">
            {labels.confirm}
          </button>
        </form>
      ) : (
        <div>
          <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="button button--quiet" data-testid="link-account-sign-in">
            {labels.signIn}
          </Link>
        </div>
      )}
    </section>
  )
}
