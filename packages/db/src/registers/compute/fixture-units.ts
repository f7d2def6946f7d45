/** The hand-built 平罗县 of the computed-indicator tests: the county, its townships with data, the year. */
export const FIXTURE_COUNTY = '640221';
export const CHENGGUAN = '640221100';
export const HUANGQUQIAO = '640221101';
/** 姚伏镇: residents but no population-register data. */
export const YAOFU = '640221104';
export const FIXTURE_YEAR = 2023;
