import type { VenueSim } from '../types';
import { createCoinswitchSim } from './coinswitch';
import { createPaceOmsSim } from './pace-oms';
import { createTradernetSim } from './tradernet';
import { createZebpayFuturesSim } from './zebpay-futures';

export function allVenueSims(): VenueSim[] {
  return [
    createPaceOmsSim('pacetrader'),
    createPaceOmsSim('pocketful'),
    createZebpayFuturesSim(),
    createTradernetSim(),
    createCoinswitchSim(),
  ];
}
