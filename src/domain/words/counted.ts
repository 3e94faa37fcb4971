// A count in words, "1 minute" or "3 minutes": said the way a person would, never "minute(s)".
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
