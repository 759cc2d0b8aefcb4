/** @jsxImportSource preact */
import { isolate } from '@/lib/i18n/format'
import type { Locale, Translate } from '@/lib/i18n'
import type { ParticipantRole } from '@/lib/conference/model'
import { LightDocument, lightDocumentResponse } from './LightDocument'
import { SiteHeaderLight, type SignedInHeader } from './SiteHeaderLight'

/** What the join page shows about a working invitation (app/join/[token]/route.ts decides it). */
export interface JoinView {
  token: string
  participant: { displayName: string; role: ParticipantRole }
  /** Null for someone the facilitator still has to let in (or declined): nothing of the conference, not its title. */
  conference: { id: string; title: string; when: string | null; where: string | null } | null
  /** After the plan is agreed: straight to one's own agreements. */
  offersMyAgreements: boolean
  /** "Koppel aan mijn account" for a professional's invitation by link; `signedIn` decides its form. */
  accountLink: { conferenceId: string; signedIn: boolean; userName: string } | null
}

interface FrameProps {
  locale: Locale
  t: Translate
  nonce: string
  stylesheet: string | { inline: string }
  /** Whoever is signed in on this browser, for the header (name and sign-out). */
  user: SignedInHeader | null
  token: string
}

/**
 * `/join/<token>` as a light document (issue 10): the invitation page as the old server page
 * showed it (SiteFrame, narrow, no sign-in button), in plain HTML. Joining is a form post to
 * /api/join (303 to the phone view or the board); the one script tells the server, once, that
 * a browser opened the link: a chat app fetching it for a preview runs no script.
 */
export function JoinDocument({ frame, view }: { frame: FrameProps; view: JoinView | null }) {
  const { t, locale, token } = frame
  return (
    <LightDocument
      locale={locale}
      t={t}
      title={t('web.join.title')}
      stylesheet={frame.stylesheet}
      scripts={
        view ? (
          <script
            nonce={frame.nonce}
            // The token is URL-safe (the route refuses any other), and JSON-encoded here anyway.
            dangerouslySetInnerHTML={{ __html: openedBeacon(token) }}
          />
        ) : null
      }
    >
      <a href="#main" className="skip-link">
        {t('web.skipToContent')}
      </a>
      <SiteHeaderLight t={t} locale={locale} user={frame.user} returnTo={`/join/${token}`} />
      <main id="main" className="page page--narrow">
        {view ? <JoinCard t={t} view={view} /> : <InvalidNotice t={t} />}
      </main>
    </LightDocument>
  )
}

function InvalidNotice({ t }: { t: Translate }) {
  return (
    <section className="notice notice--warning" aria-labelledby="notice-title">
      <h1 id="notice-title" className="notice__title">
        {t('web.join.invalid.title')}
      </h1>
      <div className="notice__body">
        <p>{t('web.join.invalid.body')}</p>
      </div>
    </section>
  )
}

function JoinCard({ t, view }: { t: Translate; view: JoinView }) {
  const { conference, participant, token } = view
  return (
    <section className="card join" aria-labelledby="join-conference">
      {conference ? (
        <>
          <p className="join__eyebrow">{t('web.join.eyebrow')}</p>
          <h1 id="join-conference" className="join__conference" dir="auto">
            {conference.title}
          </h1>
          {conference.when || conference.where ? (
            <p className="join__when" data-testid="join-when">
              {conference.when ? <span>{t('web.share.when', { when: conference.when })}</span> : null}
              {conference.when && conference.where ? <br /> : null}
              {conference.where ? <span>{t('web.share.where', { where: conference.where })}</span> : null}
            </p>
          ) : null}
        </>
      ) : (
        <h1 id="join-conference" className="join__conference">
          {t('web.join.title')}
        </h1>
      )}
      <p className="join__invited">{t('web.join.invitedAs', { name: isolate(participant.displayName), role: t(`common.role.${participant.role}`) })}</p>
      <form method="post" action="/api/join">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button button--big" data-testid="join-button">
          {t('web.join.button')}
        </button>
      </form>
      {view.offersMyAgreements ? (
        <form method="post" action="/api/join">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="next" value="my-agreements" />
          <button type="submit" className="button button--big button--quiet" data-testid="join-my-agreements">
            {t('followUp.mine.openFromJoin')}
          </button>
        </form>
      ) : null}
      <p className="join__note">{t('web.join.note')}</p>
      {view.accountLink ? <AccountLink t={t} token={token} link={view.accountLink} /> : null}
    </section>
  )
}

/** "Koppel aan mijn account": signed out a way to sign in that comes back here; signed in a form (plain HTML either way). */
function AccountLink({ t, token, link }: { t: Translate; token: string; link: NonNullable<JoinView['accountLink']> }) {
  const here = `/join/${token}`
  return (
    <section className="join__link stack" aria-labelledby="link-account-title" data-testid="link-account">
      <h2 id="link-account-title">{t('web.join.link.title')}</h2>
      <p className="muted">{t('web.join.link.body')}</p>
      {link.signedIn ? (
        <form method="post" action={`/api/conferences/${link.conferenceId}/link-account`}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button button--quiet" data-testid="link-account-button">
            {t('web.join.link.confirm', { name: link.userName })}
          </button>
        </form>
      ) : (
        <div>
          <a href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="button button--quiet" data-testid="link-account-sign-in">
            {t('web.join.link.signIn')}
          </a>
        </div>
      )}
    </section>
  )
}

/** POST /api/join/opened, once, from a browser; nothing depends on the answer. */
function openedBeacon(token: string): string {
  const body = JSON.stringify(JSON.stringify({ token })).replace(/</g, '\\u003c')
  return `fetch('/api/join/opened',{method:'POST',headers:{'content-type':'application/json'},body:${body},keepalive:true}).catch(function(){})`
}

/** The join page's response (app/join/[token]/route.ts). */
export function joinDocumentResponse(frame: FrameProps, view: JoinView | null): Response {
  return lightDocumentResponse(<JoinDocument frame={frame} view={view} />)
}
