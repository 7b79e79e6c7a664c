/** @jsxImportSource react */
/**
 * The app shell that stays put while the page inside it changes: the top bar with the app's name
 * and the site map on the left, a Fluent v9 `NavDrawer` (`role=navigation`).
 */
import type { ReactNode } from 'react';
import {
  Avatar,
  Button,
  NavDrawer,
  NavDrawerBody,
  NavItem,
  NavSectionHeader,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AccountIcon, OpportunityIcon, WaffleIcon } from './icons';
import { followLink, listUrl } from './routes';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateRows: '48px 1fr',
    gridTemplateColumns: 'auto 1fr',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  topBar: {
    gridColumn: '1 / -1',
    display: 'flex',
    alignItems: 'center',
    columnGap: '8px',
    paddingLeft: '4px',
    paddingRight: '16px',
    backgroundColor: '#002050',
    color: '#ffffff',
  },
  waffle: { color: '#ffffff', minWidth: '40px', height: '40px' },
  product: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  divider: {
    width: '1px',
    height: '20px',
    backgroundColor: 'rgba(255, 255, 255, 0.5)',
    marginLeft: '4px',
    marginRight: '4px',
  },
  appName: {
    color: '#ffffff',
    fontSize: tokens.fontSizeBase400,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: '2px solid #ffffff', outlineOffset: '2px' },
  },
  spacer: { flexGrow: 1 },
  nav: { height: '100%', width: '220px', borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { overflowY: 'auto', minWidth: 0 },
});

export type Area = 'opportunity' | 'account' | null;

export function Shell(props: { area: Area; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.shell} id="ApplicationShell">
      <header className={styles.topBar} data-id="topBar">
        <Button
          appearance="transparent"
          className={styles.waffle}
          icon={<WaffleIcon />}
          aria-label="App launcher"
          title="App launcher"
        />
        <span className={styles.product}>Dynamics 365</span>
        <span className={styles.divider} aria-hidden="true" />
        <a className={styles.appName} data-id="appBreadCrumb" href={listUrl()} onClick={followLink}>
          Sales Hub
        </a>
        <span className={styles.spacer} />
        <Avatar name="Dana Reyes" size={32} color="colorful" />
      </header>
      <NavDrawer
        open
        type="inline"
        aria-label="Site map"
        data-id="navbar-container"
        className={styles.nav}
        selectedValue={props.area ?? undefined}
      >
        <NavDrawerBody>
          <NavSectionHeader>Customers</NavSectionHeader>
          <NavItem
            value="account"
            href={listUrl('account')}
            icon={<AccountIcon />}
            data-id="sitemap-entity-nav_accts"
            onClick={followLink}
          >
            Accounts
          </NavItem>
          <NavSectionHeader>Sales</NavSectionHeader>
          <NavItem
            value="opportunity"
            href={listUrl()}
            icon={<OpportunityIcon />}
            data-id="sitemap-entity-nav_oppts"
            onClick={followLink}
          >
            Opportunities
          </NavItem>
        </NavDrawerBody>
      </NavDrawer>
      <main className={styles.main} id="mainContent">
        {props.children}
      </main>
    </div>
  );
}
