'use client'

import { useId } from 'react'
import { useT } from '@/client/i18n/I18nProvider'
import { MAX_CHILD_AGE, MAX_CHILDREN, MAX_FIRST_NAME, MAX_DURATION_MINUTES, MAX_ORGANISATION, MAX_PLACE, MIN_DURATION_MINUTES } from '@/lib/conference/facts'
import type { FactsDraft } from './facts-draft'
import styles from './FactsFields.module.css'

/**
 * The case-file facts as form fields: date, start time and place of the meeting (or online), the
 * children (first name and age, never a family name), the facilitator's organisation and the date
 * of the review. Used when creating a conference and on the conference page.
 */
export function FactsFields({ draft, onChange }: { draft: FactsDraft; onChange: (draft: FactsDraft) => void }) {
  const t = useT()
  const id = useId()
  const set = <K extends keyof FactsDraft>(key: K, value: FactsDraft[K]) => onChange({ ...draft, [key]: value })
  const setChild = (index: number, child: FactsDraft['children'][number]) =>
    set(
      'children',
      draft.children.map((c, i) => (i === index ? child : c)),
    )

  return (
    <fieldset className={styles.facts} data-testid="facts-fields">
      <legend className={styles.legend}>{t('web.facts.heading')}</legend>
      <p className="field__hint">{t('web.facts.intro')}</p>
      <div className={styles.row}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-date`}>
            {t('web.facts.date')}
          </label>
          <input id={`${id}-date`} name="meetingDate" type="date" className="input" value={draft.meetingDate} onChange={(e) => set('meetingDate', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-time`}>
            {t('web.facts.time')}
          </label>
          <input id={`${id}-time`} name="startTime" type="time" className="input" value={draft.startTime} onChange={(e) => set('startTime', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-duration`}>
            {t('web.facts.duration')}
          </label>
          <input
            id={`${id}-duration`}
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={MIN_DURATION_MINUTES}
            max={MAX_DURATION_MINUTES}
            step={15}
            className="input"
            value={draft.durationMinutes}
            onChange={(e) => set('durationMinutes', e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-place`}>
          {t('web.facts.place')}
        </label>
        <input
          id={`${id}-place`}
          name="place"
          className="input"
          maxLength={MAX_PLACE}
          autoComplete="off"
          value={draft.place}
          onChange={(e) => set('place', e.target.value)}
          aria-describedby={`${id}-place-hint`}
        />
        <span id={`${id}-place-hint`} className="field__hint">
          {t('web.facts.placeHint')}
        </span>
      </div>
      <label className={styles.check}>
        <input type="checkbox" name="online" checked={draft.online} onChange={(e) => set('online', e.target.checked)} />
        <span>{t('web.facts.online')}</span>
      </label>
      <div className="field">
        <span className="field__label" id={`${id}-children`}>
          {t('web.facts.children')}
        </span>
        <span className="field__hint">{t('web.facts.childrenHint')}</span>
        <ul className={styles.children} aria-labelledby={`${id}-children`}>
          {draft.children.map((child, index) => (
            <li key={index} className={styles.child} data-testid="facts-child">
              <label className={styles.childName}>
                <span className={styles.small}>{t('web.facts.childName')}</span>
                <input className="input" maxLength={MAX_FIRST_NAME} autoComplete="off" value={child.firstName} onChange={(e) => setChild(index, { ...child, firstName: e.target.value })} />
              </label>
              <label className={styles.childAge}>
                <span className={styles.small}>{t('web.facts.childAge')}</span>
                <input className="input" type="number" min={0} max={MAX_CHILD_AGE} inputMode="numeric" value={child.age} onChange={(e) => setChild(index, { ...child, age: e.target.value })} />
              </label>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => set('children', draft.children.filter((_, i) => i !== index))}
                aria-label={t('web.facts.removeChild', { name: child.firstName || String(index + 1) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {draft.children.length < MAX_CHILDREN && (
          <div>
            <button type="button" className="button button--quiet" data-testid="facts-add-child" onClick={() => set('children', [...draft.children, { firstName: '', age: '' }])}>
              {t('web.facts.addChild')}
            </button>
          </div>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-organisation`}>
          {t('web.facts.organisation')}
        </label>
        <input
          id={`${id}-organisation`}
          name="facilitatorOrganisation"
          className="input"
          maxLength={MAX_ORGANISATION}
          autoComplete="organization"
          value={draft.facilitatorOrganisation}
          onChange={(e) => set('facilitatorOrganisation', e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-review`}>
          {t('web.facts.reviewDate')}
        </label>
        <input id={`${id}-review`} name="reviewDate" type="date" className="input" value={draft.reviewDate} onChange={(e) => set('reviewDate', e.target.value)} />
      </div>
    </fieldset>
  )
}
