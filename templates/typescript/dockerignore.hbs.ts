/** Template of .dockerignore: keep local builds and installs out of the image context. */
export default String.raw`node_modules
dist
dist-test
npm-debug.log
`;
