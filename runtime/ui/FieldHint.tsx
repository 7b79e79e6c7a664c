import { RichText } from './RichText';

/**
 * A field rule's tip, beside the field while it is focused and the rule is not met. The message
 * is guide text, so it carries the guide's language (`lang`), not that of Waymark's own words.
 */
export function FieldHint({ message, lang }: { message: string; lang: string }) {
  return (
    <div class="wm-card wm-hint" role="note" lang={lang} data-floating>
      <div class="wm-arrow" data-arrow />
      <RichText source={message} />
    </div>
  );
}
