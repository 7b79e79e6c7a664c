/**
 * Text in other languages: the guide's languages (added by locale tag, removed again), and for the
 * guide or a step, a title and text per language. Left empty, a language falls back to the
 * guide's own text, as the guide format says.
 */
import { useState } from 'preact/hooks';
import { localeTag } from '../../core/guide/schema';
import type { DraftText } from './draft';
import { T } from './panelText';

/** A language's name in the panel's language ("French"), or its tag when it has none. */
function languageOf(tag: string): string {
  try {
    return new Intl.DisplayNames([T.lang], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The name with its tag: "French (fr)". */
function languageName(tag: string): string {
  const name = languageOf(tag);
  return name !== tag ? `${name} (${tag})` : tag;
}

export function TranslatedTexts({
  idPrefix,
  languages,
  texts,
  onChange,
}: {
  idPrefix: string;
  languages: readonly string[];
  texts: Record<string, DraftText>;
  onChange: (tag: string, text: DraftText) => void;
}) {
  return (
    <>
      {languages.map((tag) => {
        const text = texts[tag] ?? { title: '', body: '' };
        const id = `${idPrefix}-${tag}`;
        return (
          <fieldset key={tag} class="wm-author-language" lang={tag}>
            <legend>{languageName(tag)}</legend>
            <div class="wm-author-grid">
              <label for={`${id}-title`}>{T.translatedTitle(languageOf(tag))}</label>
              <input
                id={`${id}-title`}
                value={text.title}
                onInput={(e) => onChange(tag, { ...text, title: e.currentTarget.value })}
              />
              <label for={`${id}-body`}>{T.translatedText(languageOf(tag))}</label>
              <textarea
                id={`${id}-body`}
                rows={2}
                value={text.body}
                onInput={(e) => onChange(tag, { ...text, body: e.currentTarget.value })}
              />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}

/** The languages the guide is translated into: add one by its tag, or remove one. */
export function Languages({
  languages,
  onAdd,
  onRemove,
}: {
  languages: readonly string[];
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState('');
  const add = () => {
    const tag = typed.trim();
    if (!localeTag.safeParse(tag).success) return setProblem(T.badLanguage);
    if (languages.includes(tag)) return setProblem(T.languageThere(tag));
    setProblem('');
    setTyped('');
    onAdd(tag);
  };
  return (
    <div class="wm-author-languages">
      {languages.length > 0 && (
        <ul aria-label={T.languages}>
          {languages.map((tag) => (
            <li key={tag}>
              {languageName(tag)}{' '}
              <button
                type="button"
                aria-label={T.removeLanguage(tag)}
                onClick={() => onRemove(tag)}
              >
                {T.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="wm-author-grid">
        <label for="wm-add-language">{T.addLanguage}</label>
        <span class="wm-author-row">
          <input
            id="wm-add-language"
            placeholder="fr, pt-BR"
            value={typed}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'wm-add-language-problem' : undefined}
            onInput={(e) => setTyped(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" onClick={add}>
            {T.add}
          </button>
        </span>
      </div>
      {problem && (
        <p id="wm-add-language-problem" class="wm-author-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
