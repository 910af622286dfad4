/** A refused link is worded by the layout (./layout.tsx), which knows why; here there is nothing to add. */
export default function ShareNotFound() {
  return null;
}
