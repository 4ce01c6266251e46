// The only hosts the extension may talk to: the venues' API origins. Kept in one place and
// checked against the adapters by a unit test.
export const manifestPermissions = {
  host_permissions: [
    'https://pacetrader.pacefin.in/*',
    'https://trade.pocketful.in/*',
    'https://futuresbe.zebpay.com/*',
    'https://tradernet.com/*',
    'https://coinswitch.co/*',
  ],
  // Tradernet keys work only on the domain that issued them; these are asked for when chosen.
  optional_host_permissions: ['https://freedom24.com/*', 'https://tradernet.global/*', 'https://tradernet.kz/*'],
};
