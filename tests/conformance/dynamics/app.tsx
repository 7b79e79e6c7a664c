/** @jsxImportSource react */
/**
 * A Dynamics 365 model-driven app (Sales Hub) reduced to what Waymark's Dynamics adapter meets:
 * `main.aspx` routed by its query string, an Opportunity view and the Opportunity main form, in
 * React with Fluent UI v9 as the Unified Interface is built. Build with ./build.ts.
 */
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import {
  FluentProvider,
  Link,
  makeStaticStyles,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { blankOpportunity, getOpportunity } from './data';
import { OpportunityForm } from './form';
import { OpportunityList } from './list';
import { followLink, listUrl, navigate, routeOf, useHref, type Route } from './routes';
import { Shell, type Area } from './shell';

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { height: '100%', margin: 0 },
  body: { overflow: 'hidden' },
});

const useStyles = makeStyles({
  provider: { height: '100%' },
  notFound: {
    margin: '48px auto',
    maxWidth: '520px',
    padding: '24px',
    textAlign: 'center',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
  },
  notFoundTitle: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: 600 },
});

function NotFound(props: { record: boolean }) {
  const styles = useStyles();
  useEffect(() => {
    document.title = 'Page not found - Dynamics 365';
  }, []);
  return (
    <section
      aria-labelledby="page-not-found-title"
      data-id="pageNotFound"
      className={styles.notFound}
    >
      <h1 id="page-not-found-title" className={styles.notFoundTitle}>
        Page not found
      </h1>
      <p>
        {props.record
          ? 'The requested record was not found or you do not have sufficient permissions to view it.'
          : 'This page does not exist in Sales Hub, or you do not have access to it.'}
      </p>
      <Link href={listUrl()} onClick={followLink}>
        Go to My Open Opportunities
      </Link>
    </section>
  );
}

function areaOf(route: Route, url: URL): Area {
  if (route.kind !== 'notFound') return 'opportunity';
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === 'etn' && value.toLowerCase() === 'account') return 'account';
  }
  return null;
}

function Page({ route, href }: { route: Route; href: string }) {
  switch (route.kind) {
    case 'list':
      return <OpportunityList />;
    case 'record': {
      const record = getOpportunity(route.id);
      return record ? <OpportunityForm key={record.id} record={record} /> : <NotFound record />;
    }
    case 'new':
      return <OpportunityForm key={href} record={blankOpportunity()} />;
    case 'notFound':
      return <NotFound record={false} />;
  }
}

function App() {
  useGlobalStyles();
  const styles = useStyles();
  const href = useHref();
  const url = new URL(href);
  const route = routeOf(url);
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <Shell area={areaOf(route, url)}>
        <Page route={route} href={href} />
      </Shell>
    </FluentProvider>
  );
}

// The org's root opens the app's default page, as `https://<org>.crm.dynamics.com/` does.
if (location.pathname === '/' && !location.search) navigate(listUrl(), { replace: true });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
