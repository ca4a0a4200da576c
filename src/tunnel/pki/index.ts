export { createCa, issueEdgeCert, issueHubCert, EDGE_URI_PREFIX, type CertBundle, type IssueOptions } from './ca.ts';
export { certInfo, peerIdentity, normaliseSerial, type CertInfo } from './inspect.ts';
export { RevocationList, type RevocationEntry } from './revocation.ts';
export { rotationDue, renewIfDue } from './rotation.ts';
