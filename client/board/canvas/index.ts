import type { TLAnyShapeUtilConstructor } from 'tldraw'
import { AgreementShapeUtil } from './AgreementShapeUtil'
import { AreaShapeUtil } from './AreaShapeUtil'
import { BottomLineShapeUtil } from './BottomLineShapeUtil'
import { CardShapeUtil } from './CardShapeUtil'
import { DangerShapeUtil } from './DangerShapeUtil'
import { HouseCardShapeUtil } from './HouseCardShapeUtil'
import { PersonShapeUtil } from './PersonShapeUtil'
import { SafetyItemShapeUtil } from './SafetyItemShapeUtil'
import { ScaleMarkShapeUtil } from './ScaleMarkShapeUtil'
import { ScaleShapeUtil } from './ScaleShapeUtil'

/** The shape utils of Kring's typed items (lib/board/items.ts), one per item type. */
export const kringShapeUtils = [
  AreaShapeUtil,
  PersonShapeUtil,
  CardShapeUtil,
  DangerShapeUtil,
  ScaleShapeUtil,
  ScaleMarkShapeUtil,
  AgreementShapeUtil,
  SafetyItemShapeUtil,
  HouseCardShapeUtil,
  BottomLineShapeUtil,
] satisfies TLAnyShapeUtilConstructor[]
