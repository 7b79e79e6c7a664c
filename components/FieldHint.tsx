import { RichText } from './RichText';

/** A field rule's tip, beside the field while it is focused and the rule is not met. */
export function FieldHint({ message }: { message: string }) {
  return (
    <div class="wm-card wm-hint" role="note" data-floating>
      <div class="wm-arrow" data-arrow />
      <RichText source={message} />
    </div>
  );
}
