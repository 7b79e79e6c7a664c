/** The registry of step kinds: one file each in this folder, listed once here. */
import type { StepKind } from '../../../core/guide/schema';
import { fieldTipView } from './fieldTip';
import { hotspotView } from './hotspot';
import { modalView } from './modal';
import { spotlightView } from './spotlight';
import { surveyView } from './survey';
import { tooltipView } from './tooltip';
import type { StepKindView } from './types';

export const STEP_VIEWS: { [K in StepKind]: StepKindView<K> } = {
  tooltip: tooltipView,
  spotlight: spotlightView,
  hotspot: hotspotView,
  modal: modalView,
  fieldTip: fieldTipView,
  survey: surveyView,
};
