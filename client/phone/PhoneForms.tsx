'use client'

import { useState, type FormEvent } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import type { ConferencePhase } from '@/lib/conference/model'
import type { House, PersonGroup } from '@/lib/board/items'
import { groupLabelKey } from '@/lib/board/labels'
import type { QuickItem } from '@/lib/board/quick-items'
import type { MessageKey } from '@/lib/i18n'
import styles from './phone.module.css'

export type FormKind = 'worry' | 'goingWell' | 'offer' | 'person' | 'scale' | 'houseCard'

/** What each phase asks of the people at the table first (DOMAIN.md, the meeting phase by phase). */
const ASKED: Record<ConferencePhase, FormKind[]> = {
  voorbereiding: ['person'],
  informatie: ['worry', 'goingWell', 'scale'],
  besloten_deel: ['offer', 'person', 'houseCard'],
  plan_en_afspraken: ['offer', 'scale'],
  afgesloten: [],
}
const ALL: FormKind[] = ['worry', 'goingWell', 'offer', 'person', 'scale', 'houseCard']
const GROUPS: PersonGroup[] = ['family', 'network', 'professional', 'institution']
const HOUSES: House[] = ['worries', 'good-things', 'dreams']
const HOUSE_LABEL: Record<House, MessageKey> = { worries: 'items.house.worries', 'good-things': 'items.house.good-things', dreams: 'items.house.dreams' }

interface Props {
  phase: ConferencePhase
  canWrite: boolean
  myMark: number | null
  hasScale: boolean
  /** No network now: what she adds is kept on the phone, and the confirmation says so. */
  offline: boolean
  onAdd(item: QuickItem): void
  onMark(value: number): void
}

/** "Add something": the phase's own questions first, the rest one tap further; one short form at a time. */
export function PhoneForms({ phase, canWrite, myMark, hasScale, offline, onAdd, onMark }: Props) {
  const t = useT()
  const [open, setOpen] = useState<FormKind | null>(null)
  const [more, setMore] = useState(false)
  const [added, setAdded] = useState(false)
  if (!canWrite) return <p className={styles.muted} data-testid="phone-read-only">{t('phone.add.readOnly')}</p>

  const asked = ASKED[phase]
  const others = ALL.filter((kind) => !asked.includes(kind))
  const done = () => {
    setOpen(null)
    setAdded(true)
  }
  const button = (kind: FormKind) => (
    <button key={kind} type="button" className={styles.choice} data-testid={`phone-add-${kind}`} aria-expanded={open === kind} onClick={() => { setOpen(open === kind ? null : kind); setAdded(false) }}>
      {t(`phone.add.${kind}`)}
    </button>
  )
  return (
    <div className={styles.forms}>
      <div className={styles.choices}>{asked.map(button)}</div>
      {others.length > 0 ? (
        more ? (
          <div className={styles.choices}>{others.map(button)}</div>
        ) : (
          <button type="button" className={styles.link} onClick={() => setMore(true)}>
            {t('phone.add.more')}
          </button>
        )
      ) : null}
      {open ? (
        <QuickForm kind={open} myMark={myMark} hasScale={hasScale} onCancel={() => setOpen(null)} onAdd={(item) => { onAdd(item); done() }} onMark={(value) => { onMark(value); done() }} />
      ) : null}
      {added ? <p className={styles.done} role="status" data-testid="phone-added" data-offline={offline}>{t(offline ? 'phone.form.addedOffline' : 'phone.form.added')}</p> : null}
    </div>
  )
}

function QuickForm({ kind, myMark, hasScale, onCancel, onAdd, onMark }: { kind: FormKind; myMark: number | null; hasScale: boolean; onCancel(): void; onAdd(item: QuickItem): void; onMark(value: number): void }) {
  const t = useT()
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const text = (name: string) => String(data.get(name) ?? '').trim()
    switch (kind) {
      case 'worry':
      case 'goingWell':
        if (text('text')) onAdd({ kind: 'card', card: kind === 'worry' ? 'worry' : 'going-well', text: text('text') })
        return
      case 'offer':
        if (text('what')) onAdd({ kind: 'offer', what: text('what'), when: text('when'), ownerIds: [] })
        return
      case 'person':
        if (text('name')) onAdd({ kind: 'person', name: text('name'), relation: text('relation'), group: (text('group') || 'network') as PersonGroup })
        return
      case 'houseCard':
        if (text('text') || text('emoji')) onAdd({ kind: 'house-card', house: (text('house') || 'good-things') as House, text: text('text'), emoji: text('emoji') })
        return
      case 'scale':
        onMark(Number(text('value')))
        return
    }
  }
  if (kind === 'scale' && !hasScale) return <p className={styles.muted}>{t('phone.form.scale.none')}</p>
  return (
    <form className={styles.form} onSubmit={submit} data-testid={`phone-form-${kind}`}>
      {kind === 'worry' || kind === 'goingWell' ? (
        <label className={styles.field}>
          {t(kind === 'worry' ? 'phone.form.worry.label' : 'phone.form.goingWell.label')}
          <textarea name="text" rows={3} maxLength={1000} required autoFocus />
        </label>
      ) : null}
      {kind === 'offer' ? (
        <>
          <label className={styles.field}>
            {t('phone.form.offer.label')}
            <textarea name="what" rows={3} maxLength={1000} required autoFocus />
          </label>
          <label className={styles.field}>
            {t('phone.form.offer.when')}
            <input name="when" maxLength={120} />
          </label>
        </>
      ) : null}
      {kind === 'person' ? (
        <>
          <label className={styles.field}>
            {t('phone.form.person.name')}
            <input name="name" maxLength={80} required autoFocus autoComplete="off" />
          </label>
          <label className={styles.field}>
            {t('phone.form.person.relation')}
            <input name="relation" maxLength={80} autoComplete="off" />
          </label>
          <label className={styles.field}>
            {t('phone.form.person.group')}
            <select name="group" defaultValue="network">
              {GROUPS.map((group) => (
                <option key={group} value={group}>
                  {t(groupLabelKey(group))} ({t(`phone.form.person.examples.${group}`)})
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      {kind === 'houseCard' ? (
        <>
          <label className={styles.field}>
            {t('phone.form.house.label')}
            <select name="house" defaultValue="good-things">
              {HOUSES.map((house) => (
                <option key={house} value={house}>
                  {t(HOUSE_LABEL[house])}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            {t('phone.form.house.text')}
            <input name="text" maxLength={200} autoFocus />
          </label>
          <label className={styles.field}>
            {t('phone.form.house.emoji')}
            <input name="emoji" maxLength={4} />
          </label>
        </>
      ) : null}
      {kind === 'scale' ? (
        <fieldset className={styles.scale}>
          <legend>{t('phone.form.scale.label')}</legend>
          {myMark !== null ? <p className={styles.muted}>{t('phone.form.scale.current', { value: myMark })}</p> : null}
          <div className={styles.scaleValues}>
            {Array.from({ length: 11 }, (_, value) => (
              <label key={value} className={styles.scaleValue}>
                <input type="radio" name="value" value={value} defaultChecked={value === (myMark ?? 5)} />
                <span>{value}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className={styles.formActions}>
        <button type="submit" className={styles.primary} data-testid="phone-form-submit">
          {t(kind === 'scale' ? 'phone.form.save' : 'phone.form.add')}
        </button>
        <button type="button" className={styles.secondary} onClick={onCancel}>
          {t('phone.form.cancel')}
        </button>
      </div>
    </form>
  )
}
