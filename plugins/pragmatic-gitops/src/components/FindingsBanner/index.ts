export { FindingsBanner, bannerFindings } from './FindingsBanner';
