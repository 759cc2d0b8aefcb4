import type { Translate } from '../../../i18n'
import type { Scene } from './scene'

/** What every shape drawer may look at besides its own shape. */
export interface DrawContext {
  t: Translate
  scene: Scene
  /** The name on a person shape, or null when that person is not on the board. */
  personName(id: string): string | null
}
