// The formatting rules live in libs/shared, so the server's report writes figures as the screen does.
export {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatWeek,
  pluralCategory,
  todayIn,
} from '@olievlek/shared';
